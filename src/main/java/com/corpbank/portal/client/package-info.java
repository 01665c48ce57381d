/**
 * Enterprise clients: the client document, its row scope and the client list and lookup.
 */
@NullMarked
package com.corpbank.portal.client;

import org.jspecify.annotations.NullMarked;
