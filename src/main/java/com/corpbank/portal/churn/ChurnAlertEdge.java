package com.corpbank.portal.churn;

/** An alert in a page, with its cursor. */
public record ChurnAlertEdge(String cursor, ChurnAlert node) {
}
