// Each test starts real processes (the context7 server over Node, the CLI); run them one at a time so the
// suite adds one such process at a time to a machine the other test projects share.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
