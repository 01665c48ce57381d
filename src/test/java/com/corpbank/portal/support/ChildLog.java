package com.corpbank.portal.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

/** The log of a child JVM a test ran (a service halted on purpose), for the message of a failed assertion. */
public final class ChildLog {

	private ChildLog() {
	}

	/** Its last 60 lines, or why there are none. */
	public static String tail(File log) {
		try {
			List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
