/**
 * Who serves a client: the handover and co-RM mutation {@code assignClient} and {@code Client.assignmentHistory}.
 * The RM → team → org path comes from the store's org directory ({@code managers}, {@code org_units}).
 */
@NullMarked
package com.corpbank.portal.assignment;

import org.jspecify.annotations.NullMarked;
