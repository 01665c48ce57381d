package com.corpbank.portal.client;

/** A client in a page, with its cursor. */
public record ClientEdge(String cursor, Client node) {
}
