"""torch._dynamo: the compile machinery is the torch.compile issue's work;
for now only the test helpers live here."""
