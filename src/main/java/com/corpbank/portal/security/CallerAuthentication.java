package com.corpbank.portal.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request whose principal is the {@link Caller}; the token stays the credential. */
public class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final Jwt token;

	CallerAuthentication(Caller caller, Jwt token, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public Jwt getCredentials() {
		return this.token;
	}

	/** The Keycloak user id, as Spring's own JwtAuthenticationToken names a caller: a username can be reused. */
	@Override
	public String getName() {
		return this.caller.subject();
	}

}
