package com.corpbank.portal.hostile;

import java.util.List;
import java.util.Map;

/**
 * A tiny JSON and GraphQL-literal writer for hostile bodies. Jackson would refuse (or repair) some of what the
 * suite must send on purpose: lone surrogate halves, raw numbers beyond any Java type, fragments of raw JSON.
 */
final class Json {

	private Json() {
	}

	/** JSON text written as is, e.g. {@code 1e309} or {@code 99999999999999999999}. */
	record Raw(String json) {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null || value == NULL) {
			out.append("null");
		}
		else if (value instanceof Raw raw) {
			out.append(raw.json());
		}
		else if (value instanceof String text) {
			quote(text, out);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not JSON: " + value.getClass());
		}
	}

	/** A JSON null inside a {@code Map.of}, which refuses Java nulls. */
	static final Object NULL = new Object() {
		@Override
		public String toString() {
			return "null";
		}
	};

	/**
	 * A quoted string (valid for JSON and for GraphQL string literals alike). Control characters and lone surrogate
	 * halves are written as {@code \\uXXXX}, so a lone half travels as valid JSON and arrives at the service as
	 * the lone half it is; paired halves (an emoji) are written as the character.
	 */
	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2);
		quote(text, out);
		return out.toString();
	}

	private static void quote(String text, StringBuilder out) {
		out.append('"');
		text.codePoints().forEach(cp -> {
			if (cp == '"' || cp == '\\') {
				out.append('\\').appendCodePoint(cp);
			}
			else if (cp < 0x20 || cp == 0x7f || Character.getType(cp) == Character.SURROGATE) {
				out.append(String.format("\\u%04x", cp));
			}
			else {
				out.appendCodePoint(cp);
			}
		});
		out.append('"');
	}

}
