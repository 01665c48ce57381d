package com.corpbank.portal.feedback;

/** A complaint in a page, with its cursor. */
public record ComplaintEdge(String cursor, Complaint node) {
}
