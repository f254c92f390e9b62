"""gongwen: Chinese official documents laid out to GB/T 9704-2012."""
