package com.corpbank.portal.manager;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A relationship manager 客户经理; the id is the Keycloak username. */
@Document("managers")
public record RelationshipManager(@Id String username, String displayName, String teamCode) {
}
