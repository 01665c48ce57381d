package com.corpbank.portal.support.indexuse;

import java.util.Map;
import java.util.StringJoiner;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/** A filter's shape: its field names and operators with every value left out, so that one shape names one query. */
final class Shapes {

	private Shapes() {
	}

	static String of(BsonDocument filter) {
		return render(filter);
	}

	private static String render(BsonValue value) {
		if (value.isDocument()) {
			StringJoiner fields = new StringJoiner(", ", "{", "}");
			for (Map.Entry<String, BsonValue> field : value.asDocument().entrySet()) {
				fields.add(field.getKey() + ": " + render(field.getValue()));
			}
			return fields.toString();
		}
		if (value.isArray() && !value.asArray().isEmpty()
				&& value.asArray().stream().allMatch(element -> element.isDocument() || isPath(element))) {
			// $and/$or branches, $expr arguments: their structure is the shape.
			StringJoiner elements = new StringJoiner(", ", "[", "]");
			value.asArray().forEach(element -> elements.add(render(element)));
			return elements.toString();
		}
		if (value.isArray()) {
			// An $in list or a $expr comparison with a constant: keep field paths and variables, hide constants.
			StringJoiner elements = new StringJoiner(", ", "[", "]");
			boolean anyPath = false;
			for (BsonValue element : value.asArray()) {
				anyPath |= isPath(element);
				elements.add(isPath(element) ? element.asString().getValue() : "?");
			}
			return anyPath ? elements.toString() : "?";
		}
		if (value.isRegularExpression()) {
			// A regex is a range only when anchored: say which it is.
			return value.asRegularExpression().getPattern().startsWith("^") ? "/^?/" : "/?/";
		}
		return isPath(value) ? value.asString().getValue() : "?";
	}

	/** A field path ({@code "$a.b"}) or a variable ({@code "$$id"}) of an expression. */
	private static boolean isPath(BsonValue value) {
		return value.isString() && value.asString().getValue().startsWith("$");
	}

}
