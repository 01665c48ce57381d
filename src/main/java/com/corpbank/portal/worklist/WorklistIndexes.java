package com.corpbank.portal.worklist;

import java.util.List;

import com.corpbank.portal.store.CollectionIndexes;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes the worklist sources read by: each source's conditions first, then its urgency field and {@code _id}
 * (the keyset), so a page is an index range read in order. Names start with {@code worklist_}.
 */
final class WorklistIndexes {

	private WorklistIndexes() {
	}

	/** Follow-ups due from an RM ({@code myWorklist}), and due in a team's or branch's scope. */
	@Component
	static class OnClients implements CollectionIndexes {

		@Override
		public String collection() {
			return "clients";
		}

		@Override
		public List<Index> indexes() {
			return List.of(
					new Index().on(FollowUpItems.RM, Direction.ASC)
						.on(FollowUpItems.DUE_ON, Direction.ASC)
						.on("_id", Direction.ASC)
						.named("worklist_follow_ups_of_rm"),
					new Index().on("orgUnits", Direction.ASC)
						.on(FollowUpItems.DUE_ON, Direction.ASC)
						.on("_id", Direction.ASC)
						.named("worklist_follow_ups_in_org_unit"),
					new Index().on(FollowUpItems.DUE_ON, Direction.ASC).on("_id", Direction.ASC)
						.named("worklist_follow_ups_due"));
		}

	}

	/** Not-closed churn alerts, oldest first. */
	@Component
	static class OnChurnAlerts implements CollectionIndexes {

		@Override
		public String collection() {
			return ChurnAlertItems.COLLECTION;
		}

		@Override
		public List<Index> indexes() {
			return List.of(new Index().on("status", Direction.ASC)
				.on(ChurnAlertItems.OPENED_AT, Direction.ASC)
				.on("_id", Direction.ASC)
				.named("worklist_alerts_by_status_oldest_first"));
		}

	}

	/** Open complaints by SLA. */
	@Component
	static class OnComplaints implements CollectionIndexes {

		@Override
		public String collection() {
			return ComplaintItems.COLLECTION;
		}

		@Override
		public List<Index> indexes() {
			return List.of(new Index().on("status", Direction.ASC)
				.on(ComplaintItems.SLA_DUE_AT, Direction.ASC)
				.on("_id", Direction.ASC)
				.named("worklist_complaints_by_status_sla"));
		}

	}

	/** Approved overrides by expiry. */
	@Component
	static class OnTierOverrides implements CollectionIndexes {

		@Override
		public String collection() {
			return TierOverrideExpiryItems.COLLECTION;
		}

		@Override
		public List<Index> indexes() {
			return List.of(new Index().on("status", Direction.ASC)
				.on(TierOverrideExpiryItems.EXPIRES_ON, Direction.ASC)
				.on("_id", Direction.ASC)
				.named("worklist_overrides_by_status_expiry"));
		}

	}

}
