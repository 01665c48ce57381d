package com.corpbank.portal.worklist;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.corpbank.portal.access.ClientScope;
import com.corpbank.portal.graphql.InvalidArgumentException;
import com.corpbank.portal.graphql.PageInfo;
import com.corpbank.portal.worklist.WorklistSource.Counts;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Worklist reads: a page in the urgency order merged from every source, the count of a selection, and a branch
 * summary. Each source answers a page with one query limited to {@code first + 1} rows after the cursor; the merge
 * keeps the {@code first} most urgent, and the one more row tells whether another page follows. A page thus costs one
 * query per kind asked for, whatever the size of the book.
 */
@Service
public class WorklistQueries {

	/** The largest page of a worklist. */
	public static final int MAX_PAGE_SIZE = 100;

	static final int MAX_USERNAME = 64;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");

	private static final Comparator<WorklistItem> URGENCY = Comparator.comparing(WorklistItem::position,
			UrgencyPosition.ORDER);

	private final Map<WorklistKind, WorklistSource> sources = new EnumMap<>(WorklistKind.class);

	private final Clock clock;

	WorklistQueries(List<WorklistSource> sources, Clock clock) {
		for (WorklistSource source : sources) {
			if (this.sources.put(source.kind(), source) != null) {
				throw new IllegalStateException("two worklist sources for " + source.kind());
			}
		}
		this.clock = clock;
	}

	/** What a page was selected by, for counting it; opaque outside this package. */
	public record Selection(WorklistRequest request, Set<WorklistKind> kinds) {
	}

	/** A page of items, most urgent first, and a handle to count every item of the selection. */
	public record Page(List<WorklistEdge> edges, PageInfo pageInfo, Selection selection) {
	}

	/**
	 * An RM's own worklist: every item on the clients of {@code scope}, and of the follow-ups those due from
	 * {@code rmUsername}.
	 * @param rmUsername the RM record bound to the caller; null when none is (then nothing is listed)
	 * @throws InvalidArgumentException for a page size out of range, a foreign cursor or an empty kind list
	 */
	public Page mine(ClientScope scope, @Nullable String rmUsername, MyWorklistFilter filter, int first,
			@Nullable String after) {
		Set<WorklistKind> kinds = kinds(filter.kinds());
		// Without a bound RM record the RM's scope is empty already; no follow-up is due from nobody either.
		ClientScope rows = (rmUsername != null) ? scope : new ClientScope(Criteria.where("_id").in(List.of()));
		return page(new WorklistRequest(rows, rmUsername, null, Boolean.TRUE.equals(filter.overdueOnly()),
				this.clock.instant()), kinds, first, after);
	}

	/**
	 * The worklist over the clients of {@code scope} (a team, a branch), each item naming its RM.
	 * @throws InvalidArgumentException as {@link #mine}, and for a malformed {@code rmUsername}
	 */
	public Page team(ClientScope scope, TeamWorklistFilter filter, int first, @Nullable String after) {
		Set<WorklistKind> kinds = kinds(filter.kinds());
		String rmUsername = (filter.rmUsername() != null) ? username(filter.rmUsername()) : null;
		return page(new WorklistRequest(scope, null, rmUsername, Boolean.TRUE.equals(filter.overdueOnly()),
				this.clock.instant()), kinds, first, after);
	}

	/** Every item of the selection a page was cut from. */
	public long count(Selection selection) {
		long total = 0;
		for (WorklistKind kind : selection.kinds()) {
			for (Counts counts : source(kind).countByManager(selection.request()).values()) {
				total += counts.total();
			}
		}
		return total;
	}

	/** Every item over the clients of {@code scope}, counted by kind and by RM, one aggregation per kind. */
	public WorklistSummary summary(ClientScope scope) {
		WorklistRequest request = new WorklistRequest(scope, null, null, false, this.clock.instant());
		Map<String, Map<WorklistKind, Counts>> byManager = new TreeMap<>();
		Map<WorklistKind, Counts> byKind = new EnumMap<>(WorklistKind.class);
		for (WorklistKind kind : this.sources.keySet()) {
			for (Map.Entry<String, Counts> entry : source(kind).countByManager(request).entrySet()) {
				byManager.computeIfAbsent(entry.getKey(), key -> new EnumMap<>(WorklistKind.class))
					.merge(kind, entry.getValue(), Counts::plus);
				byKind.merge(kind, entry.getValue(), Counts::plus);
			}
		}
		List<WorklistSummary.ManagerCounts> managers = new ArrayList<>();
		byManager.forEach((rm, kinds) -> {
			Counts all = kinds.values().stream().reduce(Counts.NONE, Counts::plus);
			managers.add(new WorklistSummary.ManagerCounts(rm, all.total(), all.overdue(), kindCounts(kinds, false)));
		});
		Counts all = byKind.values().stream().reduce(Counts.NONE, Counts::plus);
		return new WorklistSummary(request.now(), all.total(), all.overdue(), kindCounts(byKind, true), managers);
	}

	private Page page(WorklistRequest request, Set<WorklistKind> kinds, int first, @Nullable String after) {
		if (first < 0 || first > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("first", "first must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		UrgencyPosition position = (after != null) ? UrgencyPosition.decode(after) : null;
		List<WorklistItem> merged = new ArrayList<>();
		for (WorklistKind kind : kinds) {
			// One row more than asked tells whether another page follows.
			merged.addAll(source(kind).page(request, position, first + 1));
		}
		merged.sort(URGENCY);
		List<WorklistEdge> edges = merged.stream()
			.limit(first)
			.map(item -> new WorklistEdge(item.position().encode(), item))
			.toList();
		String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Page(edges, new PageInfo(merged.size() > first, endCursor), new Selection(request, kinds));
	}

	private WorklistSource source(WorklistKind kind) {
		WorklistSource source = this.sources.get(kind);
		if (source == null) {
			throw new IllegalStateException("no worklist source for " + kind);
		}
		return source;
	}

	private Set<WorklistKind> kinds(@Nullable List<WorklistKind> asked) {
		if (asked == null) {
			return EnumSet.copyOf(this.sources.keySet());
		}
		if (asked.isEmpty()) {
			throw new InvalidArgumentException("filter.kinds",
					"kinds lists at least one kind; leave it out for every kind.");
		}
		return EnumSet.copyOf(asked);
	}

	private static String username(String username) {
		if (username.length() > MAX_USERNAME) {
			throw new InvalidArgumentException("filter.rmUsername", "rmUsername is at most " + MAX_USERNAME
					+ " characters.");
		}
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidArgumentException("filter.rmUsername", "rmUsername is a username: letters, digits, '.', "
					+ "'_', '-' and '@', 1 to " + MAX_USERNAME + " characters.");
		}
		return username;
	}

	private static List<WorklistSummary.KindCount> kindCounts(Map<WorklistKind, Counts> byKind, boolean everyKind) {
		List<WorklistSummary.KindCount> counts = new ArrayList<>();
		for (WorklistKind kind : WorklistKind.values()) {
			Counts count = byKind.get(kind);
			if (count != null || everyKind) {
				Counts shown = (count != null) ? count : Counts.NONE;
				counts.add(new WorklistSummary.KindCount(kind, shown.total(), shown.overdue()));
			}
		}
		return counts;
	}

}
