package com.corpbank.portal.seed;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.client.Client;
import com.corpbank.portal.client.EnterpriseSizeClassifier;
import com.corpbank.portal.client.FollowUp;
import com.corpbank.portal.contact.Contact;
import com.corpbank.portal.followup.FollowUpSchedule;
import com.corpbank.portal.industry.IndustryCatalog;
import com.corpbank.portal.interaction.Interaction;
import com.corpbank.portal.interaction.InteractionChannel;
import com.corpbank.portal.metrics.RelationshipMetrics;
import com.corpbank.portal.seed.RelationshipHistory.ChurnSignal;
import com.corpbank.portal.tier.ValueTierCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo book's relationship work: a year of interactions per client at its tier's rhythm, on the contact days of
 * the monthly figures, by the client's RMs with the client's contacts, none recently for the clients shaped to have
 * no recent contact, and the follow-up each client is left with (some overdue, some due soon).
 */
class DemoInteractionsTest {

	private static final LocalDate AS_OF = RelationshipHistory.AS_OF;

	private static final ZoneId BANK_ZONE = ZoneId.of("Asia/Shanghai");

	private static final FollowUpSchedule SCHEDULE = FollowUpSchedule.withCadence(DemoDataGenerator.DEMO_CADENCE);

	private static final DemoData data = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier())
		.generate();

	private static final Map<String, Client> clients = data.clients()
		.stream()
		.collect(Collectors.toMap(Client::id, Function.identity()));

	private static final Map<String, Contact> contacts = data.contacts()
		.stream()
		.collect(Collectors.toMap(Contact::id, Function.identity()));

	private static final Map<String, List<Interaction>> byClient = data.interactions()
		.stream()
		.sorted(Comparator.comparing(Interaction::occurredAt))
		.collect(Collectors.groupingBy(Interaction::clientId));

	private static final Set<String> SILENT = DemoDataGenerator.CHURN_PATTERNS.entrySet()
		.stream()
		.filter(entry -> entry.getValue().contains(ChurnSignal.NO_RECENT_CONTACT))
		.map(Map.Entry::getKey)
		.collect(Collectors.toSet());

	@Test
	void twoGenerateCallsGiveEqualContactsInteractionsAndFollowUps() {
		DemoData again = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier()).generate();
		assertThat(again.contacts()).isEqualTo(data.contacts());
		assertThat(again.interactions()).isEqualTo(data.interactions());
		assertThat(again.clients()).extracting(Client::followUp)
			.isEqualTo(data.clients().stream().map(Client::followUp).toList());
	}

	@Test
	void everyClientHasAYearOfInteractionsAtItsTiersRhythmWithMixedChannels() {
		Map<ValueTierCode, Integer> total = new EnumMap<>(ValueTierCode.class);
		Map<ValueTierCode, Integer> clientsOfTier = new EnumMap<>(ValueTierCode.class);
		for (Client client : data.clients()) {
			if (SILENT.contains(client.id())) {
				continue;
			}
			ValueTierCode tier = client.valueTier().tier();
			List<LocalDate> days = days(client.id());
			assertThat(days).as(client.id()).isNotEmpty().allSatisfy(day -> assertThat(day).isAfter(AS_OF.minusMonths(12))
				.isBeforeOrEqualTo(AS_OF));
			// No silence longer than twice the cadence, from the start of the year to the last day of the figures.
			long longest = 2 * DemoDataGenerator.DEMO_CADENCE.get(tier).toTotalMonths() * 31;
			LocalDate previous = AS_OF.minusMonths(12);
			for (LocalDate day : days) {
				assertThat(ChronoUnit.DAYS.between(previous, day)).as(client.id() + " " + day).isLessThanOrEqualTo(longest);
				previous = day;
			}
			assertThat(ChronoUnit.DAYS.between(previous, RelationshipHistory.LAST_MONTH.atEndOfMonth())).as(client.id())
				.isLessThanOrEqualTo(longest);
			total.merge(tier, days.size(), Integer::sum);
			clientsOfTier.merge(tier, 1, Integer::sum);
		}
		double a = (double) total.get(ValueTierCode.A) / clientsOfTier.get(ValueTierCode.A);
		double b = (double) total.get(ValueTierCode.B) / clientsOfTier.get(ValueTierCode.B);
		double c = (double) total.get(ValueTierCode.C) / clientsOfTier.get(ValueTierCode.C);
		// A about monthly (or more often), B every two months or so, C about quarterly.
		assertThat(a).isBetween(11.0, 20.0);
		assertThat(b).isBetween(4.0, 10.0);
		assertThat(c).isBetween(2.0, 6.0);
		assertThat(data.interactions()).extracting(Interaction::channel)
			.containsAll(List.of(InteractionChannel.values()));
	}

	@Test
	void interactionDaysAreTheContactDaysOfTheMonthlyFigures() {
		Map<String, List<RelationshipMetrics>> months = data.metrics()
			.stream()
			.collect(Collectors.groupingBy(RelationshipMetrics::clientId));
		for (Client client : data.clients()) {
			List<LocalDate> days = days(client.id());
			for (RelationshipMetrics month : months.get(client.id())) {
				LocalDate monthEnd = YearMonth.parse(month.month()).atEndOfMonth();
				if (!monthEnd.isAfter(AS_OF.minusMonths(12))) {
					continue;
				}
				LocalDate latest = days.stream().filter(day -> !day.isAfter(monthEnd)).reduce((x, y) -> y).orElse(null);
				if (latest != null) {
					assertThat(month.lastContactOn()).as(month.id()).isEqualTo(latest);
				}
				else {
					// Before the year's first interaction the feed's last contact is older than the year.
					assertThat(month.lastContactOn()).as(month.id()).isBeforeOrEqualTo(AS_OF.minusMonths(12));
				}
			}
		}
	}

	@Test
	void everyInteractionIsByTheClientsRmsWithItsContacts() {
		for (Interaction interaction : data.interactions()) {
			Client client = clients.get(interaction.clientId());
			String id = interaction.id();
			// The demo book has no handovers: the client's RMs now are its RMs all year.
			assertThat(client.managerUsernames()).as(id).contains(interaction.recordedBy());
			assertThat(interaction.managers()).as(id).contains(interaction.recordedBy());
			assertThat(client.managerUsernames()).as(id).containsAll(interaction.managers());
			assertThat(interaction.recordedBySubject()).as(id)
				.isEqualTo(DemoDirectory.get().person(interaction.recordedBy()).id());
			assertThat(interaction.contactIds()).as(id).isNotEmpty().doesNotHaveDuplicates().allSatisfy(contactId -> {
				assertThat(contacts).containsKey(contactId);
				assertThat(contacts.get(contactId).clientId()).isEqualTo(client.id());
				assertThat(contacts.get(contactId).createdAt()).isBefore(interaction.occurredAt());
			});
			assertThat(interaction.recordedAt()).as(id).isAfter(interaction.occurredAt());
			assertThat(interaction.summary()).as(id).isNotBlank();
			assertThat(interaction.followUpApplied()).as(id).isNull();
			if (interaction.followUpOn() != null) {
				assertThat(interaction.followUpOn()).as(id).isAfter(day(interaction));
			}
		}
		assertThat(data.interactions()).extracting(Interaction::id).doesNotHaveDuplicates();
		assertThat(data.interactions()).filteredOn(interaction -> interaction.followUpOn() != null).isNotEmpty();
		// Co-RMs record too, and some interactions have two RMs.
		assertThat(data.interactions())
			.anyMatch(interaction -> !interaction.recordedBy().equals(clients.get(interaction.clientId()).primaryManager()))
			.anyMatch(interaction -> interaction.managers().size() == 2);
		assertThat(data.contacts()).allSatisfy(contact -> assertThat(contact.mobile()).matches("1[3-9][0-9]{9}"));
	}

	@Test
	void theClientsShapedForNoRecentContactHaveNoInteractionInTheYear() {
		assertThat(SILENT).hasSize(3);
		for (String clientId : SILENT) {
			// Their one interaction is the last contact before the year, over twice the longest cadence ago.
			assertThat(days(clientId)).as(clientId).singleElement()
				.satisfies(day -> assertThat(day).isBefore(AS_OF.minus(Period.ofMonths(12))));
		}
	}

	@Test
	void everyClientsFollowUpIsTheOneItsLastInteractionLeaves() {
		for (Client client : data.clients()) {
			List<Interaction> interactions = byClient.get(client.id());
			Interaction last = interactions.get(interactions.size() - 1);
			FollowUp followUp = client.followUp();
			ValueTierCode tier = client.valueTier().tier();
			assertThat(followUp).as(client.id()).isNotNull();
			assertThat(followUp.rmUsername()).as(client.id()).isEqualTo(client.primaryManager());
			assertThat(followUp.tier()).as(client.id()).isEqualTo(tier);
			assertThat(followUp.scheduledFrom()).as(client.id()).isEqualTo(day(last));
			assertThat(followUp.lastInteractionId()).as(client.id()).isEqualTo(last.id());
			assertThat(followUp.plannedOn()).as(client.id()).isEqualTo(last.followUpOn());
			assertThat(followUp.dueOn()).as(client.id())
				.isEqualTo(SCHEDULE.dueOn(day(last), tier, last.followUpOn()));
		}
	}

	@Test
	void someFollowUpsAreOverdueAndSomeDueWithinTwoWeeksOfTheDemoDate() {
		Set<String> overdue = data.clients()
			.stream()
			.filter(client -> FollowUpSchedule.overdue(client.followUp(), AS_OF))
			.map(Client::id)
			.collect(Collectors.toSet());
		long dueSoon = data.clients()
			.stream()
			.filter(client -> !client.followUp().dueOn().isBefore(AS_OF)
					&& !client.followUp().dueOn().isAfter(AS_OF.plusDays(14)))
			.count();
		assertThat(overdue).containsAll(SILENT).hasSizeLessThan(data.clients().size() / 2);
		assertThat(overdue.size()).isGreaterThan(SILENT.size());
		assertThat(dueSoon).isPositive();
		// Some planned earlier than the cadence by their last interaction.
		assertThat(data.clients()).anyMatch(client -> client.followUp().plannedOn() != null
				&& client.followUp().dueOn().equals(client.followUp().plannedOn()));
	}

	private static List<LocalDate> days(String clientId) {
		return byClient.getOrDefault(clientId, List.of()).stream().map(DemoInteractionsTest::day).toList();
	}

	private static LocalDate day(Interaction interaction) {
		return interaction.occurredAt().atZone(BANK_ZONE).toLocalDate();
	}

}
