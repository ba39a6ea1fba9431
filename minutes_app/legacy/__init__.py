"""Text from before Unicode: the TCVN3, VNI and Windows-1258 of the office's old files."""
