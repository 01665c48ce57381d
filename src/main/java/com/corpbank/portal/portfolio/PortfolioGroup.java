package com.corpbank.portal.portfolio;

import org.jspecify.annotations.Nullable;

/**
 * {@code PortfolioGroup}: the clients whose dimension has this key.
 *
 * @param key the dimension's value as text (an enum name, a section letter, an RM's username, a team's org unit
 * code); null for clients without one (untiered, unrated, no size yet, an RM missing from the directory)
 */
public record PortfolioGroup(@Nullable String key, PortfolioFigures figures) {
}
