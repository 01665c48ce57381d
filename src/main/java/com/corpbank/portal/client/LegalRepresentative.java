package com.corpbank.portal.client;

/**
 * 法定代表人: personal data. The ID number (GB 11643, 18 characters with its check digit) is shown in full only to the
 * client's own RMs; see {@code PersonalDataPolicy}.
 */
public record LegalRepresentative(String name, String idNumber) {
}
