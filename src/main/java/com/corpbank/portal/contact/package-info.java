/**
 * Contacts of a client 客户联系人: personal data kept by the client's own RMs, shown to others masked or not at all
 * (see {@code PersonalDataPolicy}), revealed to leads only with a purpose that is audited.
 */
@NullMarked
package com.corpbank.portal.contact;

import org.jspecify.annotations.NullMarked;
