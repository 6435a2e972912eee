"""The query layer the CLI and the site both call: trace, check, the claim reader, the one
matching rule, series, rounding, conflicts, ClaimReview and exports of statistics."""
