package com.corpbank.portal.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.corpbank.portal.access.OrgUnitLevels.UnitLevel;
import com.corpbank.portal.security.Caller;
import com.corpbank.portal.security.Role;
import com.corpbank.portal.security.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.query.Criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The scope policy and its cache, against an in-memory directory that counts its lookups. */
class CallerScopesTest {

	private final AtomicInteger lookups = new AtomicInteger();

	private final AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();

	private final Map<String, String> bindings = Map.of("sub-li", "rm_li");

	private final Map<String, UnitLevel> levels = Map.of("HO", UnitLevel.HEAD_OFFICE, "SH", UnitLevel.BRANCH,
			"SH-PD", UnitLevel.SUB_BRANCH, "SH-PD-T1", UnitLevel.TEAM);

	private final CallerScopes scopes = new CallerScopes(this::managerBoundTo, this::levelOf,
			new SecurityProperties("iss", "jwks", "aud", List.of("portal-spa"),
					new SecurityProperties.Jwks(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(30),
							Duration.ofHours(1), Duration.ofSeconds(2)),
					new SecurityProperties.ScopeCache(Duration.ofSeconds(30), 100)));

	@Test
	void rmScopeIsTheRecordBoundToTheirSubject() {
		assertThat(restriction(caller("sub-li", "whoever", null, Role.RM)))
			.isEqualTo(Criteria.where("managerUsernames").is("rm_li").getCriteriaObject());
		assertThat(this.scopes.clientScope(caller("sub-other", "rm_li", null, Role.RM))).isEqualTo(ClientScope.NOTHING);
	}

	@Test
	void leadAndBranchManagerGrantsNeedAUnitOfTheirLevel() {
		assertThat(restriction(caller("s1", "lead", "SH-PD-T1", Role.TEAM_LEAD)))
			.isEqualTo(Criteria.where("orgUnits").is("SH-PD-T1").getCriteriaObject());
		assertThat(restriction(caller("s2", "mgr", "SH", Role.BRANCH_MANAGER)))
			.isEqualTo(Criteria.where("orgUnits").is("SH").getCriteriaObject());
		assertThat(restriction(caller("s3", "mgr", "SH-PD", Role.BRANCH_MANAGER)))
			.isEqualTo(Criteria.where("orgUnits").is("SH-PD").getCriteriaObject());
		// A head-office branch manager (the tier-override approver) has every client served anywhere.
		assertThat(restriction(caller("s8", "mgr", "HO", Role.BRANCH_MANAGER)))
			.isEqualTo(Criteria.where("orgUnits").is("HO").getCriteriaObject());
		for (Caller refused : List.of(caller("s4", "lead", "HO", Role.TEAM_LEAD),
				caller("s5", "lead", "SH", Role.TEAM_LEAD), caller("s6", "lead", "NOPE", Role.TEAM_LEAD),
				caller("s7", "mgr", "SH-PD-T1", Role.BRANCH_MANAGER),
				caller("s9", "mgr", null, Role.BRANCH_MANAGER))) {
			assertThat(this.scopes.clientScope(refused)).as(refused.toString()).isEqualTo(ClientScope.NOTHING);
		}
	}

	@Test
	void wholeBookRolesAndRolesWithoutClientsCostNoLookup() {
		assertThat(this.scopes.clientScope(caller("s", "risk", "NOPE", Role.RISK_OFFICER)))
			.isEqualTo(ClientScope.EVERYTHING);
		assertThat(this.scopes.clientScope(caller("s", "wu", null, Role.HEAD_OFFICE_ANALYST, Role.RM)))
			.isEqualTo(ClientScope.EVERYTHING);
		assertThat(this.scopes.clientScope(caller("s", "admin", "HO", Role.ADMIN, Role.AUDITOR)))
			.isEqualTo(ClientScope.NOTHING);
		assertThat(this.lookups).hasValue(0);
	}

	@Test
	void theSameCallerIsResolvedOnceThenServedFromTheCache() {
		Caller leadAndRm = caller("sub-li", "rm_li", "SH-PD-T1", Role.RM, Role.TEAM_LEAD);
		ClientScope first = this.scopes.clientScope(leadAndRm);
		for (int i = 0; i < 50; i++) {
			assertThat(this.scopes.clientScope(leadAndRm)).isSameAs(first);
		}
		// one lookup of the binding, one of the unit
		assertThat(this.lookups).hasValue(2);
		// another org unit claim is another key
		this.scopes.clientScope(caller("sub-li", "rm_li", "SH", Role.RM, Role.TEAM_LEAD));
		assertThat(this.lookups).hasValue(4);
	}

	@Test
	void aStoreFailureSurfacesAsItIsAndIsNotCached() {
		Caller rm = caller("sub-li", "rm_li", null, Role.RM);
		this.storeFailure.set(new DataAccessResourceFailureException("store down"));
		assertThatExceptionOfType(DataAccessResourceFailureException.class)
			.isThrownBy(() -> this.scopes.clientScope(rm));
		this.storeFailure.set(null);
		assertThat(restriction(rm)).isEqualTo(Criteria.where("managerUsernames").is("rm_li").getCriteriaObject());
	}

	private Optional<String> managerBoundTo(String subject) {
		lookup();
		return Optional.ofNullable(this.bindings.get(subject));
	}

	private Optional<UnitLevel> levelOf(String code) {
		lookup();
		return Optional.ofNullable(this.levels.get(code));
	}

	private void lookup() {
		this.lookups.incrementAndGet();
		RuntimeException failure = this.storeFailure.get();
		if (failure != null) {
			throw failure;
		}
	}

	private org.bson.Document restriction(Caller caller) {
		Criteria restriction = this.scopes.clientScope(caller).restriction();
		assertThat(restriction).isNotNull();
		return restriction.getCriteriaObject();
	}

	private static Caller caller(String subject, String username, String orgUnit, Role... roles) {
		return new Caller(subject, username, username, Set.of(roles), orgUnit);
	}

}
