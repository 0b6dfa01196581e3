"""The domain and use cases of the point of sale. No Qt, no HTTP, no serial ports."""
