package vn.ntm.criteria.catalogue.api;

import vn.ntm.contracts.Actor;

/** A criteria set version was published; it governs assessments from its effective date. */
public record CriteriaSetPublished(CriteriaSetId criteriaSetId, CriteriaSetDefinition definition, Actor actor) {
}
