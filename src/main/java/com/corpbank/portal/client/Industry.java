package com.corpbank.portal.client;

/**
 * The client's industry by GB/T 4754-2017, embedded in the client document.
 *
 * @param section section letter A..T
 * @param code two-digit division code, e.g. "39"
 */
public record Industry(String section, String code) {
}
