package vn.ntm.criteria.catalogue.api;

import vn.ntm.contracts.Actor;

/** A new version of a criteria set was published; it governs assessments from its effective date. */
public record CriteriaSetAmended(CriteriaSetId criteriaSetId, CriteriaSetDefinition definition, Actor actor) {
}
