package com.corpbank.portal.worklist;

/** A worklist item in a page, with its cursor. */
public record WorklistEdge(String cursor, WorklistItem node) {
}
