package com.corpbank.portal.contact;

import com.corpbank.portal.access.PersonalDataPolicy;
import com.corpbank.portal.access.PersonalDataPolicy.View;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Contact}: a stored {@link Contact} as one caller may see it. Built only by {@link #of}, so no
 * resolver can hand out a stored contact unmasked by mistake.
 *
 * @param masked true when mobile, email and ID number are masked
 */
public record ContactView(String id, String clientId, String name, @Nullable String title, String mobile,
		@Nullable String email, @Nullable String idNumber, boolean masked, int version) {

	/**
	 * @param view FULL or MASKED; a caller with view NONE is given no contacts at all
	 */
	public static ContactView of(Contact contact, View view) {
		if (view == View.NONE) {
			throw new IllegalArgumentException("a caller with no view of personal data gets no contact");
		}
		boolean masked = view == View.MASKED;
		String email = contact.email();
		String idNumber = contact.idNumber();
		return new ContactView(contact.id(), contact.clientId(), contact.name(), contact.title(),
				masked ? PersonalDataPolicy.maskMobile(contact.mobile()) : contact.mobile(),
				(masked && email != null) ? PersonalDataPolicy.maskEmail(email) : email,
				(masked && idNumber != null) ? PersonalDataPolicy.maskIdNumber(idNumber) : idNumber, masked,
				Math.toIntExact(contact.currentVersion()));
	}

}
