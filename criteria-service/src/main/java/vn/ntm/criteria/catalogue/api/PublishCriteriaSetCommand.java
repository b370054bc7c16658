package vn.ntm.criteria.catalogue.api;

import vn.ntm.contracts.Actor;

public record PublishCriteriaSetCommand(CriteriaSetId criteriaSetId, CriteriaSetDefinition definition, Actor actor) {
}
