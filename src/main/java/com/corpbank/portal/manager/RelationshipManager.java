package com.corpbank.portal.manager;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A relationship manager 客户经理 of the org directory.
 *
 * <p>The id is the RM's username at the time the record was made, and clients name their RMs by it
 * ({@code Client.managerUsernames}). Who may act as this RM is decided by {@code keycloakUserId} alone: the
 * Keycloak user id (the token's {@code sub}) bound to the record. A renamed Keycloak user keeps the binding; a
 * deleted and re-created user with the same username gets a new id and sees nothing until an operator re-binds it.
 *
 * @param keycloakUserId the bound Keycloak user id; null while the RM is bound to no user (unique when set)
 */
@Document("managers")
public record RelationshipManager(@Id String username, String displayName, String teamCode,
		@Nullable String keycloakUserId) {
}
