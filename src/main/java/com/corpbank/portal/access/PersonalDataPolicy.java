package com.corpbank.portal.access;

import java.util.Collection;

import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How much of a client's personal data (contacts, the legal representative's ID number) a caller sees: the client's
 * own RMs in full; team leads, branch managers and head-office analysts masked; risk officers none. Several roles
 * give the widest view. Reading is in scope already (the client was loaded through the caller's scope).
 */
@Component
public class PersonalDataPolicy {

	/** The three views, widest first. */
	public enum View {
		FULL, MASKED, NONE
	}

	private final ManagerBindings managerBindings;

	PersonalDataPolicy(ManagerBindings managerBindings) {
		this.managerBindings = managerBindings;
	}

	/**
	 * @param boundManager the RM record bound to the caller ({@link #boundManager}), looked up once per request
	 * @param clientManagers the client's primary and co-RMs
	 */
	public View viewOf(Caller caller, @Nullable String boundManager, Collection<String> clientManagers) {
		if (caller.has(Role.RM) && boundManager != null && clientManagers.contains(boundManager)) {
			return View.FULL;
		}
		if (caller.has(Role.TEAM_LEAD) || caller.has(Role.BRANCH_MANAGER) || caller.has(Role.HEAD_OFFICE_ANALYST)) {
			return View.MASKED;
		}
		return View.NONE;
	}

	/** The RM record bound to the caller when they hold the RM role; one store lookup. */
	public @Nullable String boundManager(Caller caller) {
		return caller.has(Role.RM) ? this.managerBindings.managerBoundTo(caller.subject()).orElse(null) : null;
	}

	/** 138****5678: the first three and last four digits of a mobile number. */
	public static String maskMobile(String mobile) {
		return keepEnds(mobile, 3, 4);
	}

	/** 110***********1234: the first three and last four characters of an ID number. */
	public static String maskIdNumber(String idNumber) {
		return keepEnds(idNumber, 3, 4);
	}

	/** z***@example.com: the first character of the local part and the domain. */
	public static String maskEmail(String email) {
		int at = email.indexOf('@');
		if (at <= 0) {
			return "*".repeat(email.length());
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

	private static String keepEnds(String value, int head, int tail) {
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

}
