package com.corpbank.portal.churn;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * One month of a client's relationship figures, as the churn signals read them.
 *
 * @param averageDeposits 日均存款 average daily deposit balance over the month (yuan)
 * @param productsHeld 持有产品数 at month end
 * @param transactionCount transactions in the month; null when not recorded (no signal reads it yet)
 * @param openComplaints complaints still open at month end; null when not recorded
 * @param lastContactOn the latest recorded contact (visit, call, meeting) up to the month's end; null when none
 */
public record MonthFigures(YearMonth month, BigDecimal averageDeposits, int productsHeld,
		@Nullable Integer transactionCount, @Nullable Integer openComplaints, @Nullable LocalDate lastContactOn) {
}
