/**
 * Churn warnings 流失预警: the signals computed from a client's monthly relationship figures ({@link
 * com.corpbank.portal.churn.ChurnSignals}), the alerts they open ({@link com.corpbank.portal.churn.ChurnWatch}) and the
 * people's lifecycle of an alert, OPEN → ACKNOWLEDGED → ACTIONED → CLOSED ({@link
 * com.corpbank.portal.churn.ChurnAlertLifecycle}), read in the caller's client scope ({@link
 * com.corpbank.portal.churn.ChurnAlertQueries}).
 */
@NullMarked
package com.corpbank.portal.churn;

import org.jspecify.annotations.NullMarked;
