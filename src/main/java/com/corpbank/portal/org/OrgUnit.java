package com.corpbank.portal.org;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of the bank's org tree (head office, branch, sub-branch, team).
 *
 * @param path the codes from the root down to and including this unit, e.g. [HO, SH, SH-PD, SH-PD-T1]
 */
@Document("org_units")
public record OrgUnit(@Id String code, String name, OrgUnitType type, @Nullable String parentCode, List<String> path) {
}
