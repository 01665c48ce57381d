package com.corpbank.portal.client;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.corpbank.portal.risk.RiskGrade;
import com.corpbank.portal.tier.ValueTier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise client 企业客户.
 *
 * <p>{@code managerUsernames} and {@code orgUnits} are derived from the assignment (see {@link ClientAssignment})
 * and exist so that row scope is a plain indexed match inside every MongoDB query.
 *
 * @param adminDivision GB/T 2260 administrative division code (six digits) the client is registered in
 * @param size 企业规模 by the 划型标准 from the latest statement; null for a new client until its first statement
 * @param primaryManager username of the primary RM 主办客户经理
 * @param coManagers usernames of co-RMs 协办客户经理
 * @param managerUsernames primary and co-RMs together
 * @param orgUnits every org unit on the path of every assigned RM's team, root included
 * @param registeredAddress 注册地址
 * @param foundedOn 成立日期
 * @param employees headcount as the client declared it (statements carry their own per period)
 * @param legalRepresentative 法定代表人, personal data: read through PersonalDataPolicy
 * @param sizeBasis which 划型标准 rule decided {@code size}, and from which statement; null for seeded sizes
 * @param onboardedOn 建立合作关系日期, the Beijing date the relationship began; null on documents older than the field
 * @param followUp the open follow-up 定期回访; null until the client's first evaluation or interaction
 * @param version optimistic-locking version, moved on by every audited write
 */
@Document("clients")
public record Client(
		@Id String id,
		String name,
		String uscc,
		Industry industry,
		String adminDivision,
		Region region,
		@Nullable EnterpriseSize size,
		LifecycleStage lifecycleStage,
		@Nullable ValueTier valueTier,
		@Nullable RiskGrade risk,
		String primaryManager,
		List<String> coManagers,
		List<String> managerUsernames,
		List<String> orgUnits,
		@Nullable String registeredAddress,
		@Nullable LocalDate foundedOn,
		@Nullable Integer employees,
		@Nullable LegalRepresentative legalRepresentative,
		@Nullable SizeBasis sizeBasis,
		@Nullable LocalDate onboardedOn,
		@Nullable FollowUp followUp,
		@Nullable @Version Long version) {

	/**
	 * From the id and version only: a page's clients are the keys of every batch-loaded field (a hash set and a
	 * result map each), and hashing all twenty-odd components, nested records, lists and decimals included, cost
	 * more than the lookups. Consistent with the record's {@code equals}, which still compares every component:
	 * equal clients have equal ids and versions; two states of one client share a hash and are told apart by equals.
	 */
	@Override
	public int hashCode() {
		return 31 * Objects.hashCode(this.id) + Objects.hashCode(this.version);
	}

}
