package com.corpbank.portal.seed;

import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.corpbank.portal.client.*;
import com.corpbank.portal.financials.FinancialStatement;
import com.corpbank.portal.industry.IndustryCatalog;
import org.junit.jupiter.api.Test;

class ScratchStatsTest {

	@Test
	void stats() {
		DemoData d = new DemoDataGenerator(new IndustryCatalog(), new EnterpriseSizeClassifier()).generate();
		List<Client> c = d.clients();
		System.out.println("clients " + c.size() + " statements " + d.statements().size());
		p("primary", c, Client::primaryManager);
		p("tier", c, x -> x.valueTier().tier());
		p("size", c, Client::size);
		p("rating", c, x -> x.risk().rating());
		p("five", c, x -> x.risk().fiveCategory());
		p("life", c, Client::lifecycleStage);
		p("region", c, Client::region);
		p("section", c, x -> x.industry().section());
		Map<java.math.BigDecimal, Long> scores = c.stream().collect(Collectors.groupingBy(x -> x.valueTier().score(), TreeMap::new, Collectors.counting()));
		System.out.println("distinct scores " + scores.size());
		scores.forEach((k, v) -> { if (v > 1) System.out.println("  tie " + k + " x" + v); });
		Map<String, FinancialStatement> latest = new HashMap<>();
		for (FinancialStatement s : d.statements()) if (s.period().equals("2025")) latest.put(s.clientId(), s);
		long distressed = latest.values().stream().filter(s -> s.debtRatio().doubleValue() > 0.85).count();
		long losses = latest.values().stream().filter(s -> s.netProfit().signum() < 0).count();
		System.out.println("distressed " + distressed + " losses " + losses);
		System.out.println("min rev " + latest.values().stream().map(FinancialStatement::revenue).min(Comparator.naturalOrder()).get()
			+ " max rev " + latest.values().stream().map(FinancialStatement::revenue).max(Comparator.naturalOrder()).get());
		for (Client x : c) {
			if (x.risk().rating().ordinal() >= 6) {
				FinancialStatement s = latest.get(x.id());
				System.out.println("  " + x.id() + " " + x.name() + " " + x.risk() + " debt " + s.debtRatio() + " np " + s.netProfit() + " " + x.lifecycleStage());
			}
		}
		c.stream().filter(x -> !x.coManagers().isEmpty()).forEach(x -> System.out.println("  co " + x.id() + " " + x.primaryManager() + " -> " + x.coManagers() + " " + x.orgUnits()));
		c.stream().limit(25).forEach(x -> System.out.println("  " + x.id() + " " + x.name() + " " + x.uscc() + " " + x.industry() + " " + x.adminDivision() + " " + x.size() + " " + x.valueTier().score() + " " + x.valueTier().tier() + " " + latest.get(x.id()).revenue() + " emp " + latest.get(x.id()).employees()));
	}

	static <T> void p(String label, List<Client> c, Function<Client, T> f) {
		System.out.println(label + " " + c.stream().collect(Collectors.groupingBy(f, TreeMap::new, Collectors.counting())));
	}

}
