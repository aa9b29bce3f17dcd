"""Streaming ingestion: Kinesis -> handler -> S3 landing, quarantine and an SQS dead-letter queue.

Layers, lowest first (a module only imports the ones above it, and `aegis.ingest` below them):

- `records`: Kinesis records as the handler sees them (Lambda event shape, event ids, sources).
- `metrics`: per-batch counts logged as one structured JSON line (CloudWatch Embedded Metric Format).
- `dlq`: the dead-letter sink (SQS) for quarantine pointers, and the re-drive of `aegis ingest replay-dlq`.
- `handler`: the batch handler (partial-batch response) and the AWS Lambda entry point.
- `producer`: `aegis ingest produce` (put_records, backoff with jitter on throttled records).
- `consumer`: `aegis ingest consume` (shard iterators, checkpoints in a file, the same handler).

See docs/ingestion.md for the flow, the failure modes and how on-call re-drives the DLQ.
"""
