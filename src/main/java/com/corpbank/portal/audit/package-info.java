/**
 * The audit trail and the one way entities are written: {@link com.corpbank.portal.audit.AuditedWrites} applies a
 * change and stores its {@link com.corpbank.portal.audit.AuditEvent} inside the changed document in the same atomic
 * write; {@link com.corpbank.portal.audit.OutboxRelay} then moves the event (and any history record travelling with
 * it) to its own collection, idempotently, right away and again in a sweep at start-up and on a schedule. Without
 * transactions a change is thus never visible without its event, and no event exists for a change that did not
 * happen. Sits below the features; audit events are only ever inserted.
 */
@NullMarked
package com.corpbank.portal.audit;

import org.jspecify.annotations.NullMarked;
