package com.corpbank.portal.support.indexuse;

import java.util.List;

import com.corpbank.portal.support.indexuse.IndexUseGuard.Observation;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Fails the test during which the service sent a read no declared index serves. Reads sent between tests (at
 * start-up, by a background poll) count against the next test of the same context: none escapes.
 */
public class IndexUseExtension implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		ApplicationContext application = SpringExtension.getApplicationContext(context);
		IndexUseGuard guard = application.getBeanProvider(IndexUseGuard.class).getIfAvailable();
		if (guard != null) {
			check(guard.drainRefused(), guard);
		}
	}

	/** Throws when any read was refused, naming each by collection, shape, the reason and its sender. */
	public static void check(List<Observation> refused, IndexUseGuard guard) {
		if (refused.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder().append(refused.size())
			.append(" read(s) the service sent are served by no declared index. Add one in the feature's *Indexes")
			.append(" class (equality fields, then the sort keys, then a range field), reshape the query, or, for a")
			.append(" bounded full read, add an entry with its reason to IndexUseAllowList:");
		refused.stream().map(observation -> observation.query().describe()).distinct().forEach(shape -> {
			Observation first = refused.stream()
				.filter(observation -> observation.query().describe().equals(shape))
				.findFirst()
				.orElseThrow();
			message.append("\n- ")
				.append(shape)
				.append("\n    why: ")
				.append(first.verdict().detail())
				.append("\n    fields: ")
				.append(first.query().filter().fields())
				.append(first.query().sort().isEmpty() ? "" : " sort " + first.query().sort())
				.append("\n    indexes on ")
				.append(first.query().collection())
				.append(": ")
				.append(guard.indexesOn(first.query().collection()))
				.append("\n    sent by ")
				.append(first.caller())
				.append(" on thread ")
				.append(first.thread());
		});
		throw new AssertionError(message.toString());
	}

}
