import type { Category, Vocabulary, VocabularyTerm } from "./vocabulary.js";

interface TermOptions {
  broader?: string;
  /** Everyday words, "|"-separated, that name the topic in a title or label only. */
  common?: string;
}

function term(
  tag: string,
  category: Category | undefined,
  synonyms: string,
  { broader, common }: TermOptions = {},
) {
  const entry: VocabularyTerm = { tag, synonyms: synonyms.split("|") };
  if (category !== undefined) entry.category = category;
  if (broader !== undefined) entry.broader = broader;
  if (common !== undefined) entry.commonWords = common.split("|");
  return entry;
}

/** The default vocabulary for engineering blogs; earlier terms win ties. */
export const defaultVocabulary: Vocabulary = [
  term("postgresql", "Backend", "postgres|Postgres|psql|pgbouncer|autovacuum|pg_stat_statements", {
    broader: "databases",
  }),
  term("mysql", "Backend", "mysql|mariadb|innodb|vitess", { broader: "databases" }),
  term(
    "databases",
    "Backend",
    "database|DB|RDBMS|SQL|NoSQL|query planner|sharding|shard|read replica|replication lag|ORM|sqlite|mongodb|dynamodb|cassandra|cockroachdb|spanner|scylladb",
  ),
  term(
    "caching",
    "Backend",
    "cache|caching|cached|redis|memcached|cache hit|hit rate|hit ratio|cache invalidation|eviction|TTL",
  ),
  term(
    "search",
    "Backend",
    "elasticsearch|opensearch|lucene|solr|inverted index|full-text search|vector search|search engine|search relevance|search index|search ranking|semantic search|search results|search query|search queries|search quality|search service|search cluster|query understanding",
    { common: "search" },
  ),
  term(
    "api",
    "Backend",
    "API|REST|GraphQL|graphql|gRPC|grpc|endpoint|openapi|api gateway|webhook|rate limiting|rate limiter",
  ),
  term(
    "kafka",
    "Data Engineering",
    "Kafka Streams|kafka connect|consumer group|consumer lag|ksql",
    { broader: "streaming" },
  ),
  term(
    "streaming",
    "Data Engineering",
    "stream processing|flink|kinesis|pulsar|change data capture|CDC|debezium|event stream|real-time pipeline",
    { broader: "data-engineering" },
  ),
  term(
    "data-engineering",
    "Data Engineering",
    "data pipeline|ETL|ELT|data warehouse|data lake|lakehouse|spark|airflow|dbt|iceberg|parquet|batch job|bigquery|snowflake|hadoop|data platform|backfill",
  ),
  term(
    "kubernetes",
    "Infrastructure",
    "k8s|kubectl|helm|pod|kubelet|EKS|GKE|AKS|container orchestration|daemonset|statefulset|cluster autoscaler",
  ),
  term("containers", "Infrastructure", "docker|container|container image|dockerfile|containerd"),
  term(
    "cloud",
    "Infrastructure",
    "AWS|GCP|Azure|EC2|S3|serverless|cloud provider|google cloud|terraform|infrastructure as code|multi-region|availability zone",
  ),
  term(
    "networking",
    "Infrastructure",
    "network|DNS|TCP|UDP|HTTP/2|HTTP/3|QUIC|load balancer|load balancing|CDN|BGP|packet|proxy|envoy|nginx|IPv6|service mesh",
  ),
  term("linux", "Infrastructure", "kernel|eBPF|ebpf|syscall|systemd|cgroup|cgroups"),
  term(
    "storage",
    "Infrastructure",
    "object storage|block storage|SSD|NVMe|disk|file system|filesystem|blob storage|erasure coding",
  ),
  term(
    "cost",
    "Infrastructure",
    "costs|cloud bill|cloud spend|compute bill|infrastructure bill|paying for|pay for|spend|spending|savings|finops|FinOps|cost reduction|cost efficiency|cheaper",
  ),
  term(
    "observability",
    "Reliability",
    "monitoring|tracing|distributed tracing|opentelemetry|OTel|prometheus|grafana|logging|logs|structured logging|alerting|telemetry|datadog|honeycomb|metrics pipeline|metrics system|time series metrics",
    // A table's metrics, a product dashboard, an alert to users: said of anything.
    { common: "metrics|dashboard|alert" },
  ),
  term(
    "incident",
    "Reliability",
    "incident|outage|postmortem|post-mortem|root cause|on-call|oncall|incident response|SEV1|SEV-1|pager",
    { broader: "reliability" },
  ),
  term(
    "reliability",
    "Reliability",
    "availability|uptime|downtime|zero-downtime|SLO|SLA|SLI|error budget|resilience|resilient|failover|redundancy|chaos engineering|high availability|graceful degradation|circuit breaker|retries|backoff|load shedding",
  ),
  term(
    "performance",
    undefined,
    "latency|latencies|p99|p95|p50|p999|throughput|tail latency|profiling|profiler|flame graph|flamegraph|CPU|memory usage|out of memory|OOM|memory leak|optimization|bottleneck|benchmark|speedup",
  ),
  term(
    "distributed-systems",
    "Architecture",
    "distributed system|consensus|raft|paxos|eventual consistency|strong consistency|consistency|replication|leader election|consistent hashing|partitioning|quorum|split brain|clock skew|idempotency|idempotent|exactly-once|at-least-once",
  ),
  term(
    "messaging",
    "Architecture",
    "message queue|message broker|rabbitmq|SQS|pub/sub|pubsub|NATS|event bus|queue",
  ),
  term(
    "architecture",
    "Architecture",
    "microservice|monolith|modular monolith|event-driven|domain-driven|system design|service boundaries|design doc",
  ),
  term(
    "migration",
    undefined,
    "migrate|migrated|migrating|cutover|dual writes|dual-write|dual write",
  ),
  term(
    "security",
    "Security",
    "vulnerability|vulnerabilities|CVE|SQL injection|cross-site scripting|authentication|authorization|OAuth|oauth|encryption|encrypted|TLS|mTLS|secrets|secret management|zero trust|exploit|attacker|supply chain|SSO|MFA|2FA|phishing|XSS|CSRF|sandboxing|access control|RBAC",
  ),
  term("privacy", "Security", "GDPR|PII|personal data|anonymization|anonymisation|data retention", {
    broader: "security",
  }),
  term(
    "testing",
    "DevOps",
    "unit test|integration test|end-to-end test|e2e|flaky|flaky test|test suite|test coverage|fuzzing|property-based|regression test|snapshot test|TDD|test-driven|automated test|test automation|test case|test runner|test framework|testing framework|test harness|test pyramid",
    { common: "testing|test" },
  ),
  term(
    "ci-cd",
    "DevOps",
    "CI|CD|CI/CD|CI run|CI pipeline|main branch|merge queue|build failure|continuous integration|continuous delivery|continuous deployment|build pipeline|deploy pipeline|github actions|jenkins|buildkite|deployment pipeline|canary release|canary deploy|feature flag|blue-green",
  ),
  term(
    "developer-experience",
    "DevOps",
    "developer experience|developer productivity|DevEx|devex|DX|tooling|build time|monorepo|code review|IDE|inner loop|local development|dev environment|internal tools|platform engineering|golden path",
  ),
  term(
    "frontend",
    "Frontend",
    "front-end|front end|javascript|typescript|React|vue|vuejs|angular|svelte|browser|web app|core web vitals|bundle size|webpack|vite|next.js|DOM|server-side rendering|SSR|hydration|web components|single-page app|SPA",
    { common: "CSS|HTML" },
  ),
  term(
    "accessibility",
    "Frontend",
    "a11y|screen reader|WCAG|ARIA|keyboard navigation|color contrast|assistive technology|VoiceOver|TalkBack",
  ),
  term(
    "mobile",
    "Mobile",
    "iOS|Android|android|Swift|kotlin|SwiftUI|jetpack compose|React Native|flutter|app store|mobile app|mobile development",
    { common: "mobile" },
  ),
  term(
    "llm",
    "AI",
    "LLM|large language model|language model|GPT|prompt engineering|system prompt|prompt injection|RAG|retrieval-augmented generation|AI agent|coding agent|agentic|Anthropic|Claude Code|Claude Sonnet|Claude Opus|ChatGPT|generative AI|GenAI|Copilot|MCP|evals",
    { broader: "ai", common: "prompt" },
  ),
  term("ai", "AI", "AI|artificial intelligence"),
  term(
    "machine-learning",
    "Machine Learning",
    "machine learning|ML|model training|training data|fine-tuning|fine-tuned|feature store|inference|embedding|recommender|recommendation system|recommendation model|ranking model|neural network|deep learning|reinforcement learning|computer vision|NLP|natural language processing|speech recognition|beam search|pytorch|tensorflow|GPU|model serving|classifier|two-tower",
  ),
  term(
    "experimentation",
    undefined,
    "A/B test|A/B testing|experiment|experimentation|holdout|control group",
  ),
  term(
    "open-source",
    "Culture",
    "open source|open sourced|open-sourced|OSS|contributors|maintainers|upstreamed",
  ),
  term(
    "culture",
    "Culture",
    "engineering culture|hiring|interview|interviewing|onboarding|mentorship|mentoring|career|career growth|career ladder|engineering manager|engineering management|team structure|remote work|psychological safety|burnout|retrospective",
  ),
  term("rust", undefined, "Rust|crates.io|borrow checker"),
  term("golang", undefined, "golang|goroutine|Go service|Go code|written in Go"),
  term("java", undefined, "java|JVM|garbage collection|garbage collector|spring boot"),
  term("python", undefined, "python|django|flask|fastapi|GIL"),
];
