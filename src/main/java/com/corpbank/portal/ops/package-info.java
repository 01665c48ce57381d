/**
 * Operating the service: Prometheus metrics per GraphQL operation (bounded tag values) and per data fetcher outcome,
 * which data fetchers are observed at all, and the separate management port that alone serves the Prometheus
 * scrape. Tracing (OpenTelemetry through Micrometer Tracing) and ECS logs are configuration only (application.yml).
 */
@NullMarked
package com.corpbank.portal.ops;

import org.jspecify.annotations.NullMarked;
