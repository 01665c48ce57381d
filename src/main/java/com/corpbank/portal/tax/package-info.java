/**
 * Tax records 纳税记录: a client's annual tax paid and its tax credit grade 纳税信用等级, one record per client and
 * year, recorded by the client's RMs like the monthly relationship figures; what the value-tier model's tax factors
 * read.
 */
@NullMarked
package com.corpbank.portal.tax;

import org.jspecify.annotations.NullMarked;
