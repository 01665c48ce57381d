package com.corpbank.portal.graphiql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeycloakRealmTest {

	@Test
	void devIssuerSplitsIntoServerRealmAndOrigin() {
		assertThat(KeycloakRealm.ofIssuer("http://localhost:8180/realms/portal"))
			.isEqualTo(new KeycloakRealm("http://localhost:8180", "portal", "http://localhost:8180"));
	}

	@Test
	void issuerBehindAContextPathKeepsThePathInTheServerUrlButNotInTheOrigin() {
		assertThat(KeycloakRealm.ofIssuer("https://sso.bank.example/auth/realms/corp-portal"))
			.isEqualTo(new KeycloakRealm("https://sso.bank.example/auth", "corp-portal", "https://sso.bank.example"));
	}

	@Test
	void issuerThatIsNoKeycloakRealmIsRefusedAtStartUp() {
		for (String issuer : new String[] { "http://localhost:8180", "http://localhost:8180/realms/",
				"http://localhost:8180/realms/portal/extra", "ftp://localhost/realms/portal", "/realms/portal",
				"http://user@localhost/realms/portal", "http://localhost/realms/portal?x=1", "not a uri" }) {
			assertThatIllegalArgumentException().as(issuer).isThrownBy(() -> KeycloakRealm.ofIssuer(issuer))
				.withMessageContaining("portal.security.issuer-uri");
		}
	}

}
