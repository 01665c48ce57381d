/**
 * Feedback 满意度 and complaints 投诉: satisfaction survey results recorded by the client's RMs, with trends per
 * client and per RM; complaints with category, severity, an SLA due date and the lifecycle OPEN → IN_PROGRESS →
 * RESOLVED → CLOSED (reopen allowed), who and when at each step, every write audited. Open complaints and low
 * satisfaction feed the churn signals through {@link com.corpbank.portal.feedback.FeedbackFigures}.
 */
@NullMarked
package com.corpbank.portal.feedback;

import org.jspecify.annotations.NullMarked;
