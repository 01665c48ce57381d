/**
 * Keycloak tokens to callers: the resource server and the one claims mapping.
 */
@NullMarked
package com.corpbank.portal.security;

import org.jspecify.annotations.NullMarked;
