package vn.ntm.criteria.catalogue.api;

import vn.ntm.contracts.Actor;

public record PublishCriteriaSet(CriteriaSetId criteriaSetId, CriteriaSetDefinition definition, Actor actor) {
}
