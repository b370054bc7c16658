package vn.ntm.criteria.catalogue.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** Publishes the next version of a set; the earlier versions keep governing the dates they covered. */
public record AmendCriteriaSet(@TargetAggregateIdentifier CriteriaSetId criteriaSetId,
                               CriteriaSetDefinition definition, Actor actor) {
}
