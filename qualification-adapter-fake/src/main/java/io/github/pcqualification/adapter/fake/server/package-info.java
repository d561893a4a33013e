/**
 * Adapter: the in-memory Partner Center served over loopback HTTP with the service's wire protocol.
 *
 * <pre>{@code
 * InMemoryPartnerCenter backend = DemoData.newDemoPartnerCenter();
 * try (FakePartnerCenterServer server = FakePartnerCenterServer.start(backend, 0)) {
 *     URI base = server.baseUri();                     // http://127.0.0.1:<free port>
 *     backend.failNext(1, Fault.throttled(Duration.ofSeconds(5)));
 *     // PUT {base}/v1/customers/11111111-1111-4111-8111-111111111111/qualification  body "Education"
 *     //   -> 429, Retry-After: 5, {"statusCode":429,"message":"Rate limit is exceeded. Try again in 5 seconds."}
 *     //   then -> 200 "education"
 * }
 * }</pre>
 */
package io.github.pcqualification.adapter.fake.server;
