/**
 * Incremental S3 snapshots built from each shard's committed entry stream: base images, page deltas and
 * per-transaction segments chained by hash, retention, and restore to the latest commit or a point in time.
 * Pages arrive already encrypted, so this module never needs a key. Filled by the S3 issue.
 */
package io.bop.snapshots;
