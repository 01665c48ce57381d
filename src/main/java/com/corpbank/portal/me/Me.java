package com.corpbank.portal.me;

import java.util.List;

import com.corpbank.portal.security.Role;
import org.jspecify.annotations.Nullable;

/** The signed-in user (GraphQL type {@code Me}). */
public record Me(String username, String displayName, List<Role> roles, @Nullable String orgUnitCode) {
}
