package com.corpbank.portal.interaction;

/** An interaction in a page, with its cursor. */
public record InteractionEdge(String cursor, Interaction node) {
}
