/**
 * Interactions 沟通记录: visits, calls, emails, meetings and events with a client, recorded by the client's own RMs,
 * read by everyone who has the client in scope (contact participants masked per {@code PersonalDataPolicy}),
 * corrected only by their author within a configured window, every write audited.
 */
@NullMarked
package com.corpbank.portal.interaction;

import org.jspecify.annotations.NullMarked;
