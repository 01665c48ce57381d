/**
 * Live notifications 实时提醒: worklist events (a churn alert opened, a follow-up falling due, a complaint assigned)
 * written to the {@code notifications} collection by any instance, polled by every instance and pushed to its own
 * subscribers of {@code Subscription.worklistEvents} over WebSocket ({@code graphql-transport-ws}), each event only
 * to callers who have its client in scope at delivery time.
 */
@NullMarked
package com.corpbank.portal.notification;

import org.jspecify.annotations.NullMarked;
