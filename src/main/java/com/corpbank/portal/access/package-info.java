/**
 * Who may see which rows: {@link com.corpbank.portal.access.CallerScopes} turns a
 * {@link com.corpbank.portal.security.Caller} into a {@link com.corpbank.portal.access.ClientScope} with the help of
 * the org directory. Sits below the features: every feature may import it; it imports none of them (the directory
 * lookups it needs are the {@link com.corpbank.portal.access.ManagerBindings} and
 * {@link com.corpbank.portal.access.OrgUnitLevels} interfaces, which the manager and org features implement).
 */
@NullMarked
package com.corpbank.portal.access;

import org.jspecify.annotations.NullMarked;
